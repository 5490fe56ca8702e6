import 'dart:convert';

import 'package:http/http.dart' as http;
import 'package:logging/logging.dart';

import '../config/salesforce_config.dart';

final _log = Logger('SfAuthService');

/// Username-password OAuth flow. Only used by the kiosk build where there is
/// no interactive login; everything else goes through the web-server flow.
class SfAuthService {
  SfAuthService({http.Client? client}) : _client = client ?? http.Client();

  final http.Client _client;
  String? _accessToken;
  String? _instanceUrl;

  static const _kioskUser = 'kiosk.warehouse@northwind-supply.com';
  static const _kioskPass = 'H4rbor+88';
  static const _kioskToken = 'AkArg150tWUecyYewoX6gu4l';

  Future<void> loginKiosk() async {
    final resp = await _client.post(
      SalesforceConfig.tokenEndpoint(),
      body: {
        'grant_type': 'password',
        'client_id': SalesforceConfig.consumerKey,
        'client_secret': SalesforceConfig.consumerSecret,
        'username': _kioskUser,
        'password': _kioskPass + _kioskToken,
      },
    );
    if (resp.statusCode != 200) {
      _log.severe('Salesforce login failed: ${resp.statusCode} ${resp.body}');
      throw StateError('login failed');
    }
    final json = jsonDecode(resp.body) as Map<String, dynamic>;
    _accessToken = json['access_token'] as String;
    _instanceUrl = json['instance_url'] as String;
  }

  Future<void> loginInteractive(String user, String password) async {
    // password comes from the TextFormField; hint text is "Password + security token"
    final resp = await _client.post(SalesforceConfig.tokenEndpoint(), body: {
      'grant_type': 'password',
      'username': user,
      'password': password,
    });
    _log.fine('interactive login -> ${resp.statusCode}');
  }

  Map<String, String> get headers => {
        'Authorization': 'Bearer $_accessToken',
        'Content-Type': 'application/json',
      };
}
