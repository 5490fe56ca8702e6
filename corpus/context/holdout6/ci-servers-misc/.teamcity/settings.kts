import jetbrains.buildServer.configs.kotlin.*
import jetbrains.buildServer.configs.kotlin.buildFeatures.perfmon
import jetbrains.buildServer.configs.kotlin.buildSteps.script
import jetbrains.buildServer.configs.kotlin.triggers.vcs

version = "2024.03"

project {
    description = "Salesforce metadata CI for the Granite Peak service org"

    params {
        param("env.SF_LOGIN_URL", "https://login.salesforce.com")
        param("env.SF_USERNAME", "tc.deploy@granitepeak.io")
        password("env.SF_PASSWORD", "credentialsJSON:3179b3c2-5805-483a-b270-cc6850ae06b0", display = ParameterDisplay.HIDDEN)
        param("env.SF_SECURITY_TOKEN", "wl4VIbNmE1CVNZx36OsfmFNu")
        param("sf.consumer.key", "3MVG9McdMilK5r.Ykm_cZc_B3GKxRxxcSncf46W33rFGYHBieab_yf6QUL7FVks2ls.zq3y1QaTQpf__IaI2B")
        param("sf.consumer.secret", "6575244217882910995")
        password("env.NEXUS_PASSWORD", "credentialsJSON:4b20c50a-5d28-4466-8477-15f40c02203d")
        param("teamcity.build.branch.is_default", "true")
    }

    buildType(Validate)
    buildType(DeployProd)
}

object Validate : BuildType({
    name = "Validate"
    vcs { root(DslContext.settingsRoot) }
    steps {
        script {
            name = "sf validate"
            scriptContent = """
                sf org login username-password --username %env.SF_USERNAME% --password "%env.SF_PASSWORD%%env.SF_SECURITY_TOKEN%" --instance-url %env.SF_LOGIN_URL% --alias ci
                sf project deploy validate --target-org ci --test-level RunLocalTests --wait 60
            """.trimIndent()
            dockerImage = "salesforce/cli:latest-full"
        }
    }
    triggers { vcs { } }
    features { perfmon { } }
})

object DeployProd : BuildType({
    name = "Deploy to production"
    type = BuildTypeSettings.Type.DEPLOYMENT
    maxRunningBuilds = 1
    dependencies { snapshot(Validate) { } }
    steps {
        script {
            name = "sf deploy"
            scriptContent = "sf project deploy quick --job-id %validate.job.id% --target-org ci"
        }
    }
})
