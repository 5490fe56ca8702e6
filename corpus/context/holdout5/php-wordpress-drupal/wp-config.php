<?php
/**
 * The base configuration for WordPress - shop.hollybrook-garden.co.uk
 */

// ** Database settings ** //
define( 'DB_NAME', 'hollybrook_wp' );
define( 'DB_USER', 'hollybrook_wp' );
define( 'DB_PASSWORD', 'voyager_tPTPz3ulrc0' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         'k]3x!7&qR;Zr`n9[L0pXz|Y>ue@gq$2v*Fs1+Jc' );
define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );

// ** Salesforce (WooCommerce -> Salesforce order sync plugin "hb-sf-sync") ** //
define( 'HB_SF_LOGIN_URL', 'https://login.salesforce.com' );
define( 'HB_SF_USERNAME', 'woo.sync@hollybrook-garden.co.uk' );
define( 'HB_SF_PASSWORD', 'Pelican_9GLCLTF@' );
define( 'HB_SF_SECURITY_TOKEN', 'cvZvW76GFpxEIZ7LMQDuMuvQo' );
define( 'HB_SF_CONSUMER_KEY', '3MVG9yYRu1Ap2r7W2esZHCpIHqOU7Zc7jINqoIWxi8KqgZWDtpAhJ786PrxPP24ywgOcoyCjUK8hm33ZB65rk' );
define( 'HB_SF_CONSUMER_SECRET', '297AF0999815F22A8C75D77E4A05864DA5144C71528333858A1829D358623804' );

// WooCommerce REST keys used by the same plugin (not Salesforce)
define( 'HB_WC_CONSUMER_KEY', 'ck_5066c1566e56102d212dbd15e70d8a0eabcd1234' );
define( 'HB_WC_CONSUMER_SECRET', 'cs_b635b59c7ec70ee6cc80ad38da01858aef567890' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
