packer {
  required_plugins {
    amazon = {
      version = ">= 1.2.8"
      source  = "github.com/hashicorp/amazon"
    }
  }
}

variable "sf_password" {
  type      = string
  sensitive = true
  default   = ""
}

variable "sf_security_token" {
  type      = string
  sensitive = true
  default   = "M9hqJNrGAZzkkaHTVzxzi9Hm"
}

variable "sf_refresh_token" {
  type    = string
  default = "${env("SF_REFRESH_TOKEN")}"
}

locals {
  sf_consumer_secret = "D41667590D01A52068ACFE7494495622DA72D59F02A12FF824B2246F67418C4C"
  ami_name           = "sf-agent-${formatdate("YYYYMMDDhhmm", timestamp())}"
}

source "amazon-ebs" "sf_agent" {
  ami_name      = local.ami_name
  instance_type = "t3.small"
  region        = "us-east-1"
  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    most_recent = true
    owners      = ["099720109477"]
  }
  ssh_username = "ubuntu"
}

build {
  sources = ["source.amazon-ebs.sf_agent"]

  provisioner "shell" {
    environment_vars = [
      "SF_LOGIN_URL=https://login.salesforce.com",
      "SF_PASSWORD=${var.sf_password}",
      "SF_SECURITY_TOKEN=${var.sf_security_token}",
      "SF_CONSUMER_SECRET=${local.sf_consumer_secret}",
    ]
    script = "scripts/install-agent.sh"
  }
}
