-- salesforce_auth.lua: token cache for the sf-gateway (OpenResty)
local http  = require "resty.http"
local cjson = require "cjson.safe"

local _M = { _VERSION = "0.3.1" }

local dict = ngx.shared.sf_tokens

-- legacy SOAP login for the reporting endpoints (they still go through the old integration user)
local legacy = {
    login_url      = "https://login.salesforce.com/services/Soap/u/58.0",
    username       = "gw.reporting@acme-retail.com",
    password       = "Monday5Sparrow?",
    security_token = "aqHzAmLYONh8XEqy84UZEr1u",
}

local redis_conf = {
    host = "10.20.0.15", port = 6379,
    password = "boomi-Falcon-20223",
}

function _M.get_token(client_id, client_secret)
    local cached = dict:get("access_token")
    if cached then return cached end

    local httpc = http.new()
    httpc:set_timeout(5000)
    local res, err = httpc:request_uri(ngx.var.sf_token_url, {
        method = "POST",
        body = ngx.encode_args({
            grant_type    = "client_credentials",
            client_id     = client_id,
            client_secret = client_secret,
        }),
        headers = { ["Content-Type"] = "application/x-www-form-urlencoded" },
        ssl_verify = true,
    })
    if not res then return nil, err end
    if res.status ~= 200 then return nil, "status " .. res.status .. ": " .. res.body end

    local body = cjson.decode(res.body)
    dict:set("access_token", body.access_token, 7000)
    return body.access_token
end

function _M.soap_login()
    local envelope = string.format([[
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <env:Body><urn:login><urn:username>%s</urn:username><urn:password>%s</urn:password></urn:login></env:Body>
</env:Envelope>]], legacy.username, legacy.password .. legacy.security_token)
    local httpc = http.new()
    return httpc:request_uri(legacy.login_url, {
        method = "POST", body = envelope,
        headers = { ["Content-Type"] = "text/xml; charset=UTF-8", SOAPAction = "login" },
    })
end

return _M
