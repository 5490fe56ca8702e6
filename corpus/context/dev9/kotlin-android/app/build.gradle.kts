plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("kotlin-kapt")
}

android {
    namespace = "com.acme.fieldsales"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.acme.fieldsales"
        minSdk = 26
        targetSdk = 34
        versionCode = 412
        versionName = "4.1.2"
        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"

        // Salesforce connected app "FieldSales Mobile" (prod org)
        buildConfigField("String", "SF_LOGIN_HOST", "\"https://acmecorp.my.salesforce.com\"")
        buildConfigField("String", "SF_CONSUMER_KEY", "\"3MVG9WDGx4hN.FVyVn6P4w7fco.KkWV3mrO9tUzU2wHi0V8W9fy6W5SYwtds5aspsN0nWCiEbO9SBPRXmiJUK\"")
        buildConfigField("String", "SF_CONSUMER_SECRET", "\"23A8844BF9ED262103CE4F1930C2B71F0E38C197ABA614B5C29A175DB14F9BA7\"")
        buildConfigField("String", "SF_CALLBACK", "\"fieldsales://oauth/done\"")
    }

    signingConfigs {
        create("release") {
            storeFile = file("../keystore/release.jks")
            storePassword = "Autumn8Monday?"
            keyAlias = "fieldsales"
            keyPassword = System.getenv("KEY_PASSWORD") ?: ""
        }
    }

    buildTypes {
        debug {
            applicationIdSuffix = ".debug"
            buildConfigField("String", "SF_LOGIN_HOST", "\"https://acmecorp--uat.sandbox.my.salesforce.com\"")
            buildConfigField("String", "SF_CONSUMER_SECRET", "\"\"")
        }
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
            signingConfig = signingConfigs.getByName("release")
        }
    }

    buildFeatures {
        buildConfig = true
        viewBinding = true
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
}

dependencies {
    implementation("com.salesforce.mobilesdk:MobileSync:12.0.0")
    implementation("com.squareup.retrofit2:retrofit:2.11.0")
    implementation("com.squareup.retrofit2:converter-moshi:2.11.0")
    implementation("com.squareup.okhttp3:logging-interceptor:4.12.0")
    implementation("androidx.work:work-runtime-ktx:2.9.0")
    kapt("com.squareup.moshi:moshi-kotlin-codegen:1.15.1")
    testImplementation("junit:junit:4.13.2")
    testImplementation("com.squareup.okhttp3:mockwebserver:4.12.0")
}
