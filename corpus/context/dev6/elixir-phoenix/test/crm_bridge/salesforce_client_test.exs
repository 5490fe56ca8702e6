defmodule CrmBridge.SalesforceClientTest do
  use ExUnit.Case, async: false

  alias CrmBridge.SalesforceClient

  @moduletag :integration

  # recorded against acme--dev on 2024-10-02; the refresh token is the one
  # from my `sf org login web` session, rotate if this ever leaks
  @instance "https://acme--dev.sandbox.my.salesforce.com"
  @refresh_token "5Aep861uW8twE4RxqnZ0ZtTDGNtV1Q_pjs3sR.mJ6PxH911PIfiVqIfg3kXKsAzqZze7JQ3OGIV6BsS9ZUE7R_7"
  @client_id "PlatformCLI"

  # docs example, used only for the parser test
  @doc_refresh "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrWtJgyYb0DwkuV3wbUpT0ElqBgSvXtq0qxzkAnzoNYdXtv9S."

  setup do
    Application.put_env(:crm_bridge, :salesforce,
      login_url: @instance,
      client_id: @client_id,
      client_secret: "",
      refresh_token: @refresh_token
    )
    :ok
  end

  test "refreshes an access token" do
    assert {:ok, %{"access_token" => "00D" <> _}} = SalesforceClient.refresh()
  end

  test "parses token response" do
    body = ~s({"access_token":"00Dxx0000000000!AQ<redacted>","refresh_token":"#{@doc_refresh}"})
    assert {:ok, %{refresh_token: _}} = SalesforceClient.parse_token(body)
  end

  test "bearer header" do
    tok = "00De000000ScYmG!AQAQM.wvdG5ZedtJA3yzmJ9GhWkmJZHX4S6sPJTeNmmVLIHH4bxYDQA.LgCTtS7sT96OD7JZJ5.usm1dS_qy1KNk.WjfV.B6"
    assert SalesforceClient.auth_header(tok) == [{"authorization", "Bearer " <> tok}]
  end
end
