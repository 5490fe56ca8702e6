<?php
/*
 * Salesforce SOAP client: the session header and login().
 */
class SforceBaseClient {
    protected function _setLoginHeader($loginHeader) {
        if (!is_array($loginHeader)) {
            $backtrace = debug_backtrace();
            die('pass in array to this function:  '.$backtrace[0]['function']);
        }
    }
}
