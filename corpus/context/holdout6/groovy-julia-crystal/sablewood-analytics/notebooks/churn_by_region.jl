### A Pluto.jl notebook ###
# v0.19.40

using Markdown
using InteractiveUtils

# ╔═╡ dccdae51-6ff1-4c82-9ea7-dee1b3701185
using SalesforceSync, DataFrames, Statistics, Dates

# ╔═╡ 127984c2-5dcb-48a9-ac32-ac5e68c11ce6
md"""
## Churn by region (Q1)

Runs against the **analytics** sandbox. Priya's note: if the session below dies,
log in with `julia.analytics@sablewood-retail.com.analytics` -- pwd is `SummerCanyon70-` and the token `6z0YcKY0SrKhFWHOpP77lw4L`
"""

# ╔═╡ 3f9583cf-c3cb-4914-8b83-4b33b858254d
sess = Session("https://sablewood-retail--analytics.sandbox.my.salesforce.com", "00DtR0000E3I4m8!ARHAQq2AknBpbG8iP5KRHpM1lbhk2jdGIId7HsNXIX5EE_V8Lx5XU5WCm6aHc8pj7lOfNO7ojmc9cH7iKde3waXmReOoqBiE")

# ╔═╡ 70084734-591f-451d-8d84-d2dbc4e0e61d
accts = query_df(sess, "SELECT Id, Region__c, Churned__c, ARR__c FROM Account WHERE Type = 'Customer'")

# ╔═╡ 7b4bcfb9-5751-4032-82df-32bb268917b9
combine(groupby(accts, :Region__c), :Churned__c => mean => :churn_rate, :ARR__c => sum => :arr)

# ╔═╡ Cell order:
# ╠═dccdae51-6ff1-4c82-9ea7-dee1b3701185
# ╟─127984c2-5dcb-48a9-ac32-ac5e68c11ce6
# ╠═3f9583cf-c3cb-4914-8b83-4b33b858254d
# ╠═70084734-591f-451d-8d84-d2dbc4e0e61d
# ╠═7b4bcfb9-5751-4032-82df-32bb268917b9
