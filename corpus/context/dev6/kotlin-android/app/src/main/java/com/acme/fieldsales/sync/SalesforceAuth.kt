package com.acme.fieldsales.sync

import android.util.Log
import com.acme.fieldsales.BuildConfig
import okhttp3.FormBody
import okhttp3.OkHttpClient
import okhttp3.Request
import org.json.JSONObject

/**
 * Headless login for the background sync worker (kiosk tablets, no user at the device).
 * TODO(PLAT-2291): move to JWT bearer flow, the integration user password expires every 90 days.
 */
object SalesforceAuth {
    private const val TAG = "SfAuth"
    private const val TOKEN_PATH = "/services/oauth2/token"

    // integration user for the kiosks
    private const val SF_USER = "kiosk.sync@acmecorp.com"
    private const val SF_PASS = "WCzXhFYIjsXe0_"
    private const val SF_TOKEN = "6t596Vx83rhwYbJIo0zlENkF"

    private val http = OkHttpClient()

    data class Session(val accessToken: String, val instanceUrl: String)

    fun login(): Session {
        val body = FormBody.Builder()
            .add("grant_type", "password")
            .add("client_id", BuildConfig.SF_CONSUMER_KEY)
            .add("client_secret", BuildConfig.SF_CONSUMER_SECRET)
            .add("username", SF_USER)
            .add("password", SF_PASS + SF_TOKEN)
            .build()
        val req = Request.Builder()
            .url(BuildConfig.SF_LOGIN_HOST + TOKEN_PATH)
            .post(body)
            .build()
        http.newCall(req).execute().use { resp ->
            val json = JSONObject(resp.body!!.string())
            if (!resp.isSuccessful) {
                Log.w(TAG, "login failed: ${json.optString("error_description")}")
                throw IllegalStateException("Salesforce login failed (${resp.code})")
            }
            // never log the token itself
            Log.d(TAG, "logged in, instance=${json.getString("instance_url")}")
            return Session(json.getString("access_token"), json.getString("instance_url"))
        }
    }

    fun revoke(session: Session) {
        val req = Request.Builder()
            .url(session.instanceUrl + "/services/oauth2/revoke")
            .post(FormBody.Builder().add("token", session.accessToken).build())
            .build()
        http.newCall(req).execute().close()
    }
}
