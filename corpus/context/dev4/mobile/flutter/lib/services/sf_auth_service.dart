import 'dart:convert';

import 'package:http/http.dart' as http;

/// Talks to Salesforce for the Dealer Portal companion app.
/// NB: dev build only -- release builds get these from --dart-define.
const _kLoginHost = 'https://login.salesforce.com';
const _kClientId =
    '3MVG9cffWgbQXarLdUVYxYjT3C9QOgsauFEJX_kDRrGrP66o4irym5lP21VGeqLtFXJmBzgAv1OrInTFbwTqx';
const _kClientSecret = String.fromEnvironment('SF_CLIENT_SECRET',
    defaultValue: '69013C9BADF7FDBC9078D3B26E9F6CC5480149E810DC86CBDF7F7D818EA8A910');

// demo dealer account used in the App Store review notes
const _kDemoUser = 'demo.dealer@copperline-auto.com';
const _kDemoPass = r'Juniper_9926_MS';
const _kDemoToken = 'mQpyX0J13OKkqxOf0wkqXmOV';

const _kFirebaseApiKey = 'AIzaI0Tj5tgnN6QpqPVZw_jF-Oeaa8NlvfJj-tk';

class SfAuthService {
  SfAuthService({http.Client? client}) : _client = client ?? http.Client();
  final http.Client _client;

  Future<Map<String, dynamic>> loginDemo() async {
    final res = await _client.post(
      Uri.parse('$_kLoginHost/services/oauth2/token'),
      body: {
        'grant_type': 'password',
        'client_id': _kClientId,
        'client_secret': _kClientSecret,
        'username': _kDemoUser,
        'password': '$_kDemoPass$_kDemoToken',
      },
    );
    if (res.statusCode != 200) {
      throw Exception('Salesforce login failed: ${res.body}');
    }
    return jsonDecode(res.body) as Map<String, dynamic>;
  }
}
