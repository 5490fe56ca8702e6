// Place your Spring DSL code here
grails.plugin.springsecurity.userLookup.userDomainClassName = 'larchmont.User'
grails.plugin.springsecurity.userLookup.authorityJoinClassName = 'larchmont.UserRole'
grails.plugin.springsecurity.authority.className = 'larchmont.Role'
grails.plugin.springsecurity.rememberMe.key = 'EWlGbl7DMu46FqXjO2RTGf4PVUwA5lJj'
grails.plugin.springsecurity.password.algorithm = 'bcrypt'

dataSource {
    pooled = true
    driverClassName = 'org.postgresql.Driver'
    url = 'jdbc:postgresql://db.larchmont.local:5432/portal'
    username = 'portal'
    password = 'ENC(aYPbeHXd0Wbb3CVJsptVYbUcedGQeqOk)'
}

salesforce {
    loginUrl = 'https://login.salesforce.com'
    apiVersion = '60.0'
    username = 'grails.app@larchmont-legal.com'
    password = 'ThunderSummer24%'
    securityToken = '6BWGCgwCtVkRhs1BXpy0CyBx'
    consumerKey = '3MVG9XWi1HwT0FdbqlZ5fbT1xqFdbmik.CKnH9NET4ASyXTuHUTuuC3OmOsu8nM5moKIkT2_k8z5zSbqQbdKQ'
    consumerSecret = '8A2E088B2640D382791CBB814D065A30AA030842FC6639F468676AD3C364E99F'
    sandbox {
        loginUrl = 'https://test.salesforce.com'
        password = System.getenv('SF_SANDBOX_PASSWORD') ?: ''
    }
}

environments {
    development {
        grails.serverURL = 'http://localhost:8080'
    }
    production {
        grails.serverURL = 'https://portal.larchmont-legal.com'
    }
}
