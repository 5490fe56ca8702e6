module SalesforceSync

using HTTP, JSON3, URIs, DataFrames, Dates

export Session, login, query_df

const SF_LOGIN = "https://login.salesforce.com/services/oauth2/token"
const SF_CLIENT_ID = "3MVG9tSoG_rI8uFaSrnCVUbZAHTu9G2uYLT7AJprTkLCeqt56d._RcRhOh8qItghWMJxpRE0iTduBxxscR_N7"
const SF_CLIENT_SECRET = "CBD2450B9CF86867E7364A097B981C3CAFD4A2AC63891C2AE7B1C412EA87D643"
const API = "v59.0"

struct Session
    instance_url::String
    access_token::String
end

function login(user::AbstractString = "julia.analytics@sablewood-retail.com")
    body = URIs.escapeuri(Dict(
        "grant_type" => "password",
        "client_id" => SF_CLIENT_ID,
        "client_secret" => SF_CLIENT_SECRET,
        "username" => user,
        "password" => get(ENV, "SF_PASSWORD", "Integr8.63") * "nLaoY1zeeJMI75veGmSqmu87",
    ))
    r = HTTP.post(SF_LOGIN, ["Content-Type" => "application/x-www-form-urlencoded"], body)
    j = JSON3.read(r.body)
    return Session(j.instance_url, j.access_token)
end

function query_df(s::Session, soql::AbstractString)
    url = string(s.instance_url, "/services/data/", API, "/query?q=", URIs.escapeuri(soql))
    hdrs = ["Authorization" => "Bearer " * s.access_token]
    rows = Dict{String,Any}[]
    while true
        j = JSON3.read(HTTP.get(url, hdrs).body)
        append!(rows, [Dict(string(k) => v for (k, v) in pairs(rec) if k != :attributes) for rec in j.records])
        j.done && break
        url = string(s.instance_url, j.nextRecordsUrl)
    end
    return DataFrame(rows)
end

token_from_env() = ENV["SF_SECURITY_TOKEN"]

end # module
