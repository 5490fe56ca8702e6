import java.util.Properties

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("com.google.gms.google-services")
    id("kotlin-kapt")
}

val localProps = Properties().apply {
    val f = rootProject.file("local.properties")
    if (f.exists()) f.inputStream().use { load(it) }
}

android {
    namespace = "com.quokka.fieldapp"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.quokka.fieldapp"
        minSdk = 26
        targetSdk = 34
        versionCode = 4127
        versionName = "3.9.2"

        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"

        // Salesforce connected app "Quokka Field Assessor" (server-side token exchange is on the roadmap...)
        buildConfigField("String", "SF_LOGIN_HOST", "\"login.salesforce.com\"")
        buildConfigField("String", "SF_CONSUMER_KEY", "\"3MVG9Rt9_wqNUt_1T6xWBlK_RLyU7laN1AwBuDD04ax8.aeAUbAr7juMJdsvEQouAFY5cgcwIBsHbLr.0N5kR\"")
        buildConfigField("String", "SF_CONSUMER_SECRET", "\"1269D67579528DA2F90055C9328045019C15CA38008A0F38A068630C2EDD5E90\"")
        buildConfigField("String", "SF_CALLBACK", "\"quokkafield://oauth/done\"")
        buildConfigField("String", "MAPS_API_KEY", "\"AIzayhXUKajQmdONYK0hPkSclLNE_n0tJHQxK7W\"")
        buildConfigField("String", "SF_PASSWORD_HINT", "\"Use your Salesforce password\"")
    }

    signingConfigs {
        create("release") {
            storeFile = file("../keystore/quokka-release.jks")
            storePassword = "Coffee1324Anchor!"
            keyAlias = "quokka-field"
            keyPassword = localProps.getProperty("release.keyPassword")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
            signingConfig = signingConfigs.getByName("release")
        }
        debug {
            applicationIdSuffix = ".debug"
            buildConfigField("String", "SF_LOGIN_HOST", "\"test.salesforce.com\"")
            buildConfigField("String", "SF_UITEST_USER", "\"" + (localProps.getProperty("sf.uitest.user") ?: "") + "\"")
            buildConfigField("String", "SF_UITEST_PASSWORD", "\"" + (localProps.getProperty("sf.uitest.password") ?: "") + "\"")
        }
    }

    buildFeatures {
        buildConfig = true
        compose = true
    }
    composeOptions { kotlinCompilerExtensionVersion = "1.5.11" }
    kotlinOptions { jvmTarget = "17" }
}

dependencies {
    implementation("com.salesforce.mobilesdk:MobileSync:12.0.1")
    implementation("androidx.core:core-ktx:1.13.1")
    implementation("androidx.compose.material3:material3:1.2.1")
    implementation(platform("com.google.firebase:firebase-bom:33.1.0"))
    implementation("com.google.firebase:firebase-crashlytics")
    testImplementation("junit:junit:4.13.2")
    androidTestImplementation("androidx.test.ext:junit:1.1.5")
}
