//
//  SFConfig.m
//  AcmeField
//
//  Created by Mara Lindgren on 14/02/2024.
//  Copyright © 2024 Alderbrook Field Services. All rights reserved.
//

#import "SFConfig.h"
#import <SalesforceSDKCore/SalesforceSDKCore.h>

static NSString * const kSFLoginHost       = @"login.salesforce.com";
static NSString * const kSFConsumerKey     = @"3MVG9NJTCK4_nEtiiWs1.3BQl9NZDLl6HTUmPVFhP6vTGARlXrvDPaOriCupZhS6WPffxrfjLTkpAsxYT0eS0";
static NSString * const kSFConsumerSecret  = @"5502052797898399677";
static NSString * const kSFRedirectURI     = @"acmefield://oauth/done";
static NSString * const kSFIntegrationUser = @"ios.integration@alderbrook-fs.com";

@implementation SFConfig

+ (NSString *)loginHost    { return kSFLoginHost; }
+ (NSString *)consumerKey  { return kSFConsumerKey; }
+ (NSString *)redirectURI  { return kSFRedirectURI; }

+ (NSString *)integrationPassword {
#if DEBUG
    // TODO(mara): remove before App Store build, only used by the offline sync harness
    return [NSString stringWithFormat:@"%@%@", @"KestrelCascade29*", @"23vurHvAYEBhbxW6kX2sKqtqs"];
#else
    return [SFSDKKeychainHelper readPasswordForService:@"sfintegration" account:kSFIntegrationUser];
#endif
}

+ (NSDictionary *)smartStoreConfig {
    return @{ @"storeName": @"syncStore",
              @"encryptionKey": @"<#SmartStore key from keychain#>" };
}

@end
