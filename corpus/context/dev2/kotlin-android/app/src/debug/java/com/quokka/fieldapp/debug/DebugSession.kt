package com.quokka.fieldapp.debug

import android.content.Context
import com.salesforce.androidsdk.accounts.UserAccount
import com.salesforce.androidsdk.accounts.UserAccountBuilder
import com.salesforce.androidsdk.app.SalesforceSDKManager

/**
 * Debug-only: injects a pre-authenticated account so the emulator skips the login WebView.
 * Values taken from `sf org display --verbose -o fieldapp-uat` on 2024-07-02.
 *
 * !!! never ship this in release (source set is debug-only) !!!
 */
object DebugSession {

    private const val INSTANCE_URL = "https://quokkainsurance--uat.sandbox.my.salesforce.com"
    private const val LOGIN_URL = "https://test.salesforce.com"
    private const val ACCESS_TOKEN = "00Djf000000yORA!ARxAQ6h_Fhr1dd2vMXHkyovXkO.Z0WecC5.kZA7z_PRZ9NVGgRLFQMh_ba9FcRbI64k_J3L8rLqHnx6lH4FIGmA6HpjuJjBG"
    private const val REFRESH_TOKEN = "5Aep861sDj4NP8GciBEETZIN2RtI2CvF86YA.TLIgV5l8EoA6anfACWkMdYIImwwRhECx5KGiWWh3wglKoC0CZV"
    private const val ORG_ID = "00Djf000000yORA"
    private const val USER_ID = "0059u000004V0cJ"
    private const val USERNAME = "nikita.r@quokkainsurance.com.au.uat"

    fun install(ctx: Context) {
        val account: UserAccount = UserAccountBuilder.getInstance()
            .authToken(ACCESS_TOKEN)
            .refreshToken(REFRESH_TOKEN)
            .loginServer(LOGIN_URL)
            .instanceServer(INSTANCE_URL)
            .idUrl("$LOGIN_URL/id/$ORG_ID/$USER_ID")
            .orgId(ORG_ID)
            .userId(USER_ID)
            .username(USERNAME)
            .accountName("$USERNAME ($INSTANCE_URL)")
            .clientId(com.quokka.fieldapp.BuildConfig.SF_CONSUMER_KEY)
            .build()
        SalesforceSDKManager.getInstance().userAccountManager.createAccount(account)
    }
}
