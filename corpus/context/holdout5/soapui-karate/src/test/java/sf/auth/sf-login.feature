Feature: Salesforce OAuth username-password login

  Background:
    * url sfLoginUrl
    * def clientId = '3MVG9EbDlFkUK8vC81v0EfEvBZL996QuyU8G_sGgaN0VaufBG3quXnBZpOL2RKzk8EYEYnJDVE_68V0bdXlmQ'
    * def clientSecret = 'A32F1A9D8EB8B2FA2E86635E95830B07FE5649AB6BC1F53EC8B3D590AC99A299'

  Scenario: obtain token
    Given path 'services/oauth2/token'
    And form field grant_type = 'password'
    And form field client_id = clientId
    And form field client_secret = clientSecret
    And form field username = sfUser
    And form field password = sfPassword + sfToken
    When method post
    Then status 200
    * def accessToken = response.access_token

  Scenario: reuse fixed session from sandbox (debug only)
    * def sid = '00D3h000EN5d2bU!AQy3az_cRhSMg1oTG9zQ0ifXLsAf6V0jvwdcMZbQF2pVFySFYnFHCukGmwF9It_bov2fSFK7fDkW.QSSqack4cUsTsISZR6a'
    Given url 'https://acme--qa.sandbox.my.salesforce.com/services/data/v61.0/limits'
    And header Authorization = 'Bearer ' + sid
    When method get
    Then status 200
