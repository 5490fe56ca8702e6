{ config, pkgs, ... }:
{
  home.username = "ops";
  home.homeDirectory = "/home/ops";
  home.stateVersion = "23.11";

  home.packages = with pkgs; [ salesforce-cli jq httpie ];

  home.sessionVariables = {
    EDITOR = "nvim";
    SF_USE_GENERIC_UNIX_KEYCHAIN = "true";
    SF_ORG_ALIAS = "prod-ro";
    # read-only reporting user; password is in 1Password, token kept here so `sfdx-report` works
    SFDC_TOKEN = "gqWzG7r2wSNIHgUuXK5sYF8r";
  };

  home.file.".netrc".text = ''
    machine github.com login cyberdyne-ops password ghp_98rUo6luQbsV1nkJFWMc7CSDf1YVyGuzkFDI
  '';

  programs.git = {
    enable = true;
    userName = "Ops Bot";
    userEmail = "ops@cyberdyne.io";
    extraConfig.credential.helper = "store";
  };
}
