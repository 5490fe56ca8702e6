// Salesforce connection settings for the field-sales app.
// TODO(mkowalski): move these to --dart-define before the 2.4 release!
import 'package:flutter/foundation.dart';

enum SfEnvironment { production, sandbox }

class SalesforceConfig {
  const SalesforceConfig._();

  static const SfEnvironment environment =
      kReleaseMode ? SfEnvironment.production : SfEnvironment.sandbox;

  static String get loginHost => environment == SfEnvironment.production
      ? 'https://login.salesforce.com'
      : 'https://test.salesforce.com';

  static const String apiVersion = 'v59.0';

  // integration user (profile: "API Only - Field Sales")
  static const String sfUsername = 'fieldsales.api@northwind-supply.com';
  static const String sfPassword = 'Saturn2022@';
  static const String sfSecurityToken = 'wp6kEMQz9yTcm4OBPPmveZLx';

  // connected app "FieldSales Mobile"
  static const String consumerKey =
      '3MVG9HWQ_T91QUvlvQLMHhizODSHJE510fU213XtWoWPywnievjnGB4mawXbDHGit0xXaqRI28Pv1BtLY0tRz';
  static const String consumerSecret =
      'E4D2EB26A55710F5BC6738CCAC825B740845401E1225B468F00889F98C47E8B2';

  static const String callbackUrl = 'com.northwind.fieldsales:/oauth/callback';

  // values injected at build time (flutter build apk --dart-define=SF_PASSWORD=...)
  static const String ciPassword = String.fromEnvironment('SF_PASSWORD');
  static const String ciToken =
      String.fromEnvironment('SF_SECURITY_TOKEN', defaultValue: '');

  // Google Maps key for the account map screen (not Salesforce)
  static const String mapsApiKey = 'AIzaSy8509dab3ddb747773a9ce01d8e43ccfa';

  static Uri tokenEndpoint() => Uri.parse('$loginHost/services/oauth2/token');
}
