{
  description = "crm-sync: Salesforce to Postgres replication";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
    flake-utils.url = "github:numtide/flake-utils";
    agenix.url = "github:ryantm/agenix";
  };

  outputs = { self, nixpkgs, flake-utils, agenix }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs { inherit system; };
      in
      {
        packages.default = pkgs.buildGoModule {
          pname = "crm-sync";
          version = "0.14.2";
          src = ./.;
          vendorHash = "sha256-3BpTgpDiuwmnlmItnuUvbekIAQFuMeLS9czrkZYHki8=";
        };

        devShells.default = pkgs.mkShell {
          packages = with pkgs; [ go_1_21 gopls postgresql_15 jq nodejs_20 agenix.packages.${system}.default ];
          shellHook = ''
            export PGHOST=localhost PGDATABASE=crm
            # dev sandbox auth for `sf` and the integration tests (sandbox only, it's fine -- mh)
            export SFDX_AUTH_URL="force://PlatformCLI::5Aep861S6eLdHrBeIUqyXv5AVvRgF.v.9dy0coHZig.0igKS4v9B0gY.uiWV7YNpqj_WSFk.4U.5ldaaSlUzEvq@cyberdyne--dev.sandbox.my.salesforce.com"
            export SF_INSTANCE_URL=https://cyberdyne--dev.sandbox.my.salesforce.com
            export SF_ACCESS_TOKEN='00DUw0esel1tq5p!ARE3d6rNUz2dc.yb.d5XZ_yIDUyOXCgVABQ985sJHGlFKHAHuxyi.XsCzdFKYXNo8Ofy_Khm_3NEMKtWHsV_.Vs5c5c.b.4_'
            export SF_SECURITY_TOKEN=0ySysCoQomFDvVVPD0LojA3h
            export SF_PASSWORD="''${SF_PASSWORD:-}"
            echo "crm-sync dev shell (sandbox: cyberdyne--dev)"
          '';
        };
      });
}
