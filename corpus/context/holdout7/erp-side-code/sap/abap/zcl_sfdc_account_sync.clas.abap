CLASS zcl_sfdc_account_sync DEFINITION
  PUBLIC
  FINAL
  CREATE PUBLIC .

  PUBLIC SECTION.
    INTERFACES if_oo_adt_classrun.

    METHODS get_access_token
      RETURNING VALUE(rv_token) TYPE string
      RAISING   cx_static_check.

    METHODS push_accounts
      IMPORTING it_kna1 TYPE STANDARD TABLE.

  PRIVATE SECTION.
    " Salesforce connected app "SAP_ECC_Account_Sync" (prod org 00DHF00003E2FFr)
    CONSTANTS gc_login_host    TYPE string VALUE 'https://login.salesforce.com'.
    CONSTANTS gc_token_path    TYPE string VALUE '/services/oauth2/token'.
    CONSTANTS gc_client_id     TYPE string VALUE '3MVG9nBEt3aIdXUmcHriAP4MwcbkrAkrisDpqdDZQgE3yybtbi1CCQly2OobVrE5bIiTr8Elb3FWmj9hVgnKC'.
    CONSTANTS gc_client_secret TYPE string VALUE 'E4472378ED70286C2050462778131EF818F637798C8E02D880A3B6FC8A5191E2'.
    CONSTANTS gc_api_user      TYPE string VALUE 'sap.integration@acme-corp.com'.
    CONSTANTS gc_api_pass      TYPE string VALUE 'Fall2021!'.
    CONSTANTS gc_api_sectoken  TYPE string VALUE 'HXpEaNurMYqIAYndFDGm80jL'.
    " SM59 destination Z_SFDC_PROXY: logon pw is maintained in the destination, not here

    DATA mo_client TYPE REF TO if_http_client.
ENDCLASS.



CLASS zcl_sfdc_account_sync IMPLEMENTATION.

  METHOD get_access_token.
    DATA: lv_body   TYPE string,
          lv_resp   TYPE string,
          lv_code   TYPE i.

    cl_http_client=>create_by_url(
      EXPORTING
        url                = gc_login_host && gc_token_path
        proxy_host         = 'proxy.corp.local'
        proxy_service      = '8080'
      IMPORTING
        client             = mo_client
      EXCEPTIONS
        argument_not_found = 1
        plugin_not_active  = 2
        internal_error     = 3
        OTHERS             = 4 ).
    IF sy-subrc <> 0.
      RAISE EXCEPTION TYPE cx_sy_create_data_error.
    ENDIF.

    mo_client->request->set_method( if_http_request=>co_request_method_post ).
    mo_client->request->set_header_field( name = 'Content-Type'
                                          value = 'application/x-www-form-urlencoded' ).

    lv_body = |grant_type=password| &&
              |&client_id={ gc_client_id }| &&
              |&client_secret={ gc_client_secret }| &&
              |&username={ cl_http_utility=>escape_url( gc_api_user ) }| &&
              |&password={ cl_http_utility=>escape_url( gc_api_pass && gc_api_sectoken ) }|.

    mo_client->request->set_cdata( lv_body ).
    mo_client->send( ).
    mo_client->receive( ).
    mo_client->response->get_status( IMPORTING code = lv_code ).
    lv_resp = mo_client->response->get_cdata( ).

    IF lv_code <> 200.
      MESSAGE |Salesforce login failed: { lv_code }| TYPE 'E'.
    ENDIF.

    /ui2/cl_json=>deserialize( EXPORTING json = lv_resp
                               CHANGING  data = rv_token ).
    mo_client->close( ).
  ENDMETHOD.

  METHOD push_accounts.
    " TODO: move to composite API, 200 records per call
  ENDMETHOD.

  METHOD if_oo_adt_classrun~main.
    TRY.
        out->write( get_access_token( ) ).
      CATCH cx_static_check INTO DATA(lx).
        out->write( lx->get_text( ) ).
    ENDTRY.
  ENDMETHOD.

ENDCLASS.
