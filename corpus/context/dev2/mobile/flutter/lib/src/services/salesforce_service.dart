import 'dart:convert';

import 'package:http/http.dart' as http;
import 'package:xml/xml.dart';

/// Pulls the technician's work orders from Salesforce Field Service.
/// Sierra Verde Winery -- vineyard ops app (internal distribution only).
class SalesforceService {
  SalesforceService({http.Client? client}) : _client = client ?? http.Client();

  final http.Client _client;

  static const _loginEndpoint = 'https://login.salesforce.com/services/Soap/u/59.0';
  static const _username = 'vineyard.app@sierraverdewinery.com';
  // shared device login -- the tablets in the barrel room have no personal accounts
  static const _password = 'SpringLagoon2021-';
  static const _securityToken = 'Y5CLO3WgJsqPtHhBHCy8zFMr';
  static const _weatherApiKey = '4f7a8a7b545754886eab48f53dde02fe';

  String? _sessionId;
  String? _serverUrl;

  Future<void> login() async {
    final body = '''<?xml version="1.0" encoding="utf-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <soapenv:Body>
    <urn:login>
      <urn:username>$_username</urn:username>
      <urn:password>${_password + _securityToken}</urn:password>
    </urn:login>
  </soapenv:Body>
</soapenv:Envelope>''';
    final res = await _client.post(
      Uri.parse(_loginEndpoint),
      headers: {'Content-Type': 'text/xml; charset=UTF-8', 'SOAPAction': 'login'},
      body: body,
    );
    final doc = XmlDocument.parse(res.body);
    _sessionId = doc.findAllElements('sessionId').first.innerText;
    _serverUrl = doc.findAllElements('serverUrl').first.innerText;
  }

  Future<List<dynamic>> workOrders() async {
    if (_sessionId == null) await login();
    final base = _serverUrl!.split('/services').first;
    final q = Uri.encodeQueryComponent(
        "SELECT Id, WorkOrderNumber, Subject, Status FROM WorkOrder WHERE Owner.Username = '$_username' AND Status != 'Completed'");
    final res = await _client.get(
      Uri.parse('$base/services/data/v59.0/query?q=$q'),
      headers: {'Authorization': 'Bearer $_sessionId'},
    );
    return (jsonDecode(res.body) as Map<String, dynamic>)['records'] as List<dynamic>;
  }
}
