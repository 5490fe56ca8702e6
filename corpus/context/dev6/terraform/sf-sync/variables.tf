variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "sf_client_id" {
  type        = string
  description = "Consumer key of the sf-sync connected app (starts with 3MVG9)"
}

variable "sf_client_secret" {
  type        = string
  sensitive   = true
  description = "Consumer secret of the connected app"
}

variable "sfdc_password" {
  type      = string
  sensitive = true
  default   = "changeme"
}

variable "sf_security_token" {
  type      = string
  sensitive = true
  default   = "YOUR_SECURITY_TOKEN"
}

variable "sandbox_refresh_token" {
  type      = string
  sensitive = true
  # dev sandbox only, rotated monthly
  default   = "5Aep861CYaxjASM4k1Q2YqoX.r3WY5YEBbzhRfws_s_9Spe.2dJxSzFeLVlZxAonpKakAYaxO7KsayCW17xjNC9"
}

variable "tags" {
  type    = map(string)
  default = {}
}
