(defproject fernhill/billing-sync "0.9.3-SNAPSHOT"
  :description "Sync invoices from Stripe into Salesforce Opportunities"
  :dependencies [[org.clojure/clojure "1.11.1"]
                 [clj-http "3.12.3"]
                 [cheshire "5.12.0"]
                 [aero "1.1.6"]
                 [com.force.api/force-wsc "59.0.0"]
                 [com.force.api/force-partner-api "59.0.0"]
                 [org.clojure/tools.logging "1.2.4"]]
  :main fernhill.billing-sync.main
  :repositories [["releases" {:url "https://nexus.fernhill.co/repository/releases"
                              :username "lein"
                              :password :env/nexus_password}]]
  :profiles {:dev {:env {:sf-username "billing.sync@fernhill.co.dev"
                         :sf-password "Hydr4.97Q6co6buZHyoFzeUaEzYliLPb"
                         :sf-auth-url "force://PlatformCLI::5Aep861fx2nxN3RF1RAmHMmUMh7Fj6MpMKT19MwNLCkbeCYVvhKqI32z0EIzKLfU4FcVpJzkmo4Nq1WWff9CkD8@fernhill--dev.sandbox.my.salesforce.com"}}
             :uberjar {:aot :all}})
