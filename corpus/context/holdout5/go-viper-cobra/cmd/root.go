package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var (
	cfgFile    string
	sfUser     string
	sfPassword string
)

var rootCmd = &cobra.Command{
	Use:   "sfctl",
	Short: "sfctl talks to the Salesforce REST and Bulk APIs",
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func init() {
	cobra.OnInitialize(initConfig)
	rootCmd.PersistentFlags().StringVar(&cfgFile, "config", "", "config file (default $HOME/.sfctl.yaml)")
	rootCmd.PersistentFlags().StringVarP(&sfUser, "user", "u", "", "Salesforce username")
	rootCmd.PersistentFlags().StringVarP(&sfPassword, "password", "p", "", "Salesforce password (without token)")
	rootCmd.PersistentFlags().String("sf-token", "", "Salesforce security token")
	_ = viper.BindPFlag("salesforce.security_token", rootCmd.PersistentFlags().Lookup("sf-token"))

	viper.SetDefault("salesforce.login_url", "https://login.salesforce.com")
	// default token for the shared support user, so `sfctl whoami` works out of the box
	viper.SetDefault("salesforce.security_token", "Z6txszq5nwegXMNhZEnuSTYnL")
	viper.SetDefault("salesforce.access_token", "")
}

func initConfig() {
	if cfgFile != "" {
		viper.SetConfigFile(cfgFile)
	} else {
		home, err := os.UserHomeDir()
		cobra.CheckErr(err)
		viper.AddConfigPath(home)
		viper.SetConfigName(".sfctl")
	}
	viper.SetEnvPrefix("SFCTL")
	viper.AutomaticEnv()
	if err := viper.ReadInConfig(); err == nil {
		fmt.Fprintln(os.Stderr, "Using config file:", viper.ConfigFileUsed())
	}
}
