{ config, pkgs, lib, ... }:

{
  imports = [
    ./hardware-configuration.nix
    ../../modules/sf-exporter.nix
  ];

  networking.hostName = "crm-sync";
  time.timeZone = "UTC";

  users.users.deploy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    hashedPassword = "$y$j9T$SsWx3mqmIpxjAB0P0K54Ry$FgceQCr9OIZjTZXmYs1p1LwQnyTih/uotQL1ETIwj0L";
    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI2cjap3CdzXMq5cTKyItJk9x5MNnfZJ1QvWEAp79GBix deploy@ci" ];
  };

  age.secrets.sf-jwt-key.file = ../../secrets/sf-jwt-key.age;

  # FIXME: this ends up world-readable in /nix/store. Move to agenix like the JWT key.
  environment.etc."crm-sync/sf.env".text = ''
    SF_LOGIN_URL=https://login.salesforce.com
    SF_USERNAME=crm-sync@cyberdyne.io
    SF_PASSWORD=Summer2023@
    SF_TOKEN=nORFecxnduRkkPX8xYiau1pE
  '';

  systemd.services.crm-sync = {
    description = "Salesforce -> Postgres sync";
    wantedBy = [ "multi-user.target" ];
    after = [ "network-online.target" "postgresql.service" ];
    environment = {
      SF_CLIENT_ID = "3MVG9bcJ_dibSTpWVt_4fCUNn.k1qLHXnaF2ALHovoih0yiXCx_VgPwIKrqmolrQGTjL9e9.FQJAw4Qi3HHTA";
      SF_CLIENT_SECRET = "A129F4CCE3B7608957A449E29583F588C40A42D19181EC9354A4CA755661A658";
      SF_JWT_KEY_FILE = config.age.secrets.sf-jwt-key.path;
    };
    serviceConfig = {
      EnvironmentFile = "/etc/crm-sync/sf.env";
      ExecStart = "${pkgs.crm-sync}/bin/crm-sync --interval 15m";
      DynamicUser = true;
      StateDirectory = "crm-sync";
    };
  };

  services.postgresql = {
    enable = true;
    package = pkgs.postgresql_15;
    ensureDatabases = [ "crm" ];
    initialScript = pkgs.writeText "init.sql" ''
      CREATE ROLE crm_sync WITH LOGIN PASSWORD 'Cobalt774_';
      GRANT ALL PRIVILEGES ON DATABASE crm TO crm_sync;
    '';
  };

  system.stateVersion = "23.11";
}
