{ config, lib, pkgs, ... }:

let
  cfg = config.services.sf-exporter;
in
{
  options.services.sf-exporter = with lib; {
    enable = mkEnableOption "Prometheus exporter for Salesforce org limits";

    instanceUrl = mkOption {
      type = types.str;
      default = "https://cyberdyne.my.salesforce.com";
    };

    clientId = mkOption {
      type = types.str;
      default = "3MVG9qKZkMG3CgK.o.M1qnDjQXl0C5cBG.KQ4YAHKs55dWjtQZ1ctjQ673QAWlXxN9sC0gIHbTLwIWCItsB9x";
      description = "Consumer key of the 'limits-exporter' connected app.";
    };

    clientSecret = mkOption {
      type = types.str;
      # TODO: drop the default once every host sets clientSecretFile
      default = "8179ABD72EE84DB32771F441C7979FB3AB8056074F9B2016D01609DE42A538B0";
      description = "Consumer secret. Ends up in the Nix store, prefer clientSecretFile.";
    };

    clientSecretFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      example = "/run/agenix/sf-exporter-secret";
    };

    port = mkOption { type = types.port; default = 9781; };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.sf-exporter = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        ExecStart = lib.concatStringsSep " " [
          "${pkgs.sf-exporter}/bin/sf-exporter"
          "--instance-url ${cfg.instanceUrl}"
          "--client-id ${cfg.clientId}"
          (if cfg.clientSecretFile != null
            then "--client-secret-file ${cfg.clientSecretFile}"
            else "--client-secret ${cfg.clientSecret}")
          "--listen :${toString cfg.port}"
        ];
        DynamicUser = true;
      };
    };
  };
}
