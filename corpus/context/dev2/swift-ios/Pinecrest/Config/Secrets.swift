//
//  Secrets.swift
//  Pinecrest Mobile Banking
//
//  Created by Devon Achterberg on 3/14/23.
//  Copyright © 2023 Pinecrest Credit Union. All rights reserved.
//
//  Generated from Secrets.xcconfig by scripts/gen_secrets.rb -- DO NOT EDIT
//  (and please do not commit; it's in .gitignore now -- DA 2023-11)

import Foundation

enum Secrets {
    // MARK: Salesforce (Financial Services Cloud) -- "Member App" connected app
    static let salesforceLoginHost = "pinecrestcu.my.salesforce.com"
    static let salesforceConsumerKey = "3MVG9tRoAbQBzzw.dtXlVlE5jxLUkUcp8syn0Dr9QLi5m9Uwgv8UMGyaPh59xwKn0PnXAqeyUMUY_CFwN.IK2"
    static let salesforceConsumerSecret = "9067221292152640378"
    static let salesforceRedirectURI = "pinecrest://oauth/callback"

    // MARK: Plaid
    static let plaidClientID = "239b5a4612c89cfd2871b574"
    static let plaidSecret = "17fd82f92332f0a279a36ea8f4863edc"

    // MARK: Stripe (card issuing)
    static let stripePublishableKey = "pk_live_tMcEeNRJW6PP2oN352X1VxQl"

    // MARK: Twilio Verify (OTP)
    static let twilioAccountSid = "ACe807a6d71f36e2e3ab502f3d04d3b2f3"
    static let twilioVerifyServiceSid = "VA09e1c5daa754bd156c9cdf260a214158"

    // MARK: Sentry
    static let sentryDSN = "https://b256564bc9e9981abfea0276899d8660@o4504812.ingest.sentry.io/4504812001"
}
