*** Settings ***
Library           RequestsLibrary
Library           Collections
Resource          ../resources/salesforce_variables.robot

*** Variables ***
${TOKEN_URL}      https://login.salesforce.com/services/oauth2/token

*** Test Cases ***
Password Flow Returns Access Token
    ${body}=    Create Dictionary
    ...    grant_type=password
    ...    client_id=3MVG9EoG1nZF.3Ft7TifQVPrFp_aYdPWRyV1BUVevlWsrc.7_BKzwmfQkflesCgUYK8xsbE6bwIo5vBQ7m8D.
    ...    client_secret=19271A5E8DAA514809ADD8DA889390379CF483E8C0E769E3A024847A4493B371
    ...    username=robot.prod.smoke@acme.com
    ...    password=ci-Welcome-20229kbUDT4tiVP4Plw1oAE75eUS
    ${resp}=    POST    ${TOKEN_URL}    data=${body}    expected_status=200
    Dictionary Should Contain Key    ${resp.json()}    access_token
    Set Suite Variable    ${ACCESS_TOKEN}    ${resp.json()}[access_token]

Query Accounts
    ${headers}=    Create Dictionary    Authorization=Bearer ${ACCESS_TOKEN}
    ${resp}=    GET    ${SF_INSTANCE}/services/data/v61.0/query    params=q=SELECT Id FROM Account LIMIT 1    headers=${headers}
    Should Be Equal As Integers    ${resp.status_code}    200
