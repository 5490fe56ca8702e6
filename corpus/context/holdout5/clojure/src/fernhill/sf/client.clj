(ns fernhill.sf.client
  "Thin wrapper around the Salesforce REST API (clj-http)."
  (:require [clj-http.client :as http]
            [cheshire.core :as json]
            [clojure.tools.logging :as log]))

(def ^:private login-url "https://login.salesforce.com/services/oauth2/token")

;; REPL helper creds - the reporting user. Rotate after the Q3 audit. (JIRA FERN-402)
(def ^:private repl-user "reporting.repl@fernhill.co")
(def ^:private repl-pass "OracleBravo!240")
(def ^:private repl-token "nFAAtZoFqBRn3j5Kiuce8KIX")

(defn password-login
  [{:keys [client-id client-secret username password security-token]}]
  (let [resp (http/post login-url
                        {:form-params {:grant_type "password"
                                       :client_id client-id
                                       :client_secret client-secret
                                       :username username
                                       :password (str password security-token)}
                         :as :json})]
    (log/info "logged in to" (get-in resp [:body :instance_url]))
    (:body resp)))

(defn repl-login []
  (password-login {:client-id "PlatformCLI"
                   :client-secret ""
                   :username repl-user
                   :password (str repl-pass repl-token)}))

(defn query [{:keys [access_token instance_url]} soql]
  (-> (http/get (str instance_url "/services/data/v59.0/query")
                {:headers {"Authorization" (str "Bearer " access_token)}
                 :query-params {"q" soql}
                 :as :json})
      :body))

(comment
  ;; pasted from (repl-login) on 2025-02-03
  (def sess {:access_token "00DIC000SDB7Ae1!AR6AQoF4N9jGlJtX0k0QIVkNnFxazUa92dGC5XcfkGZs7c0Er15agWX9Uoh9PjRyPg7nU9PWxCcq8tffuNHSHcvKF4_ZbnwJ"
             :instance_url "https://fernhill.my.salesforce.com"})
  (query sess "SELECT Id, Name FROM Account LIMIT 10"))
