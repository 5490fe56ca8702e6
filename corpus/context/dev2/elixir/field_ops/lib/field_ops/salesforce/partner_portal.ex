defmodule FieldOps.Salesforce.PartnerPortal do
  @moduledoc """
  Separate connection to the *partner* org (Experience Cloud) that our franchise clinics use.
  The partner org is owned by Brightwater HQ, so it has its own connected app.
  """

  require Logger

  @token_url "https://brightwater-partners.my.salesforce.com/services/oauth2/token"
  @client_id "3MVG9ZdicXtCPjmC7odberDY8xS72.vvzyQG_kUi.qPj9Pa0kIIXuTEZ5zRAfKhW8pcifsgLWZGTcfu.hnIpp"
  @client_secret "biBxDt5GSCx5uhtY7IsiWfArQjc3pNOSOvzb2IA8M"
  @username "fieldops.bridge@brightwater-partners.com"
  @password "RtuT8HQychd42"
  @security_token "J4McjbnWDJ0cmdinwHew2zTO"

  def client do
    case ExForce.OAuth.get_token(@token_url,
           grant_type: "password",
           client_id: @client_id,
           client_secret: @client_secret,
           username: @username,
           password: @password <> @security_token
         ) do
      {:ok, %ExForce.OAuthResponse{} = resp} ->
        {:ok, ExForce.build_client(resp, api_version: "59.0")}

      {:error, reason} ->
        Logger.error("partner portal auth failed: #{inspect(reason)}")
        {:error, reason}
    end
  end

  def clinics_changed_since(%DateTime{} = since) do
    with {:ok, client} <- client() do
      soql = "SELECT Id, Name, Clinic_Code__c FROM Account WHERE LastModifiedDate > #{DateTime.to_iso8601(since)}"
      ExForce.query_stream(client, soql) |> Enum.to_list()
    end
  end
end
