job "sf-connector" {
  datacenters = ["dc1"]
  type        = "service"

  group "connector" {
    count = 2

    network {
      port "http" { to = 8080 }
    }

    task "connector" {
      driver = "docker"

      config {
        image = "registry.internal/sf-connector:1.9.3"
        ports = ["http"]
      }

      vault {
        policies = ["sf-connector"]
      }

      template {
        data        = <<EOH
SF_USERNAME={{ with secret "kv/data/salesforce/connector" }}{{ .Data.data.username }}{{ end }}
SF_PASSWORD={{ with secret "kv/data/salesforce/connector" }}{{ .Data.data.password }}{{ end }}
SF_SECURITY_TOKEN={{ with secret "kv/data/salesforce/connector" }}{{ .Data.data.token }}{{ end }}
EOH
        destination = "secrets/sf.env"
        env         = true
      }

      env {
        SF_LOGIN_URL      = "https://contoso.my.salesforce.com"
        SF_API_VERSION    = "59.0"
        SF_CLIENT_ID      = "3MVG9NEt4zTuOjGUALxnk2yBQ1TDIMnxwKLiXso.O3mR_1tAieUzgn9GGlqn.C5Fi_ahmmO_RGzkj_PDpcuPN"
        # TODO: move to vault, this is the prod connected app
        SF_CLIENT_SECRET  = "2290609D36C6C93B4EBDD654E91BCB274A09566299847E6538EC8AD73972A681"
        KAFKA_SASL_PASSWORD = "AmY+1@toJGo2#"
      }

      resources {
        cpu    = 500
        memory = 512
      }
    }
  }
}
