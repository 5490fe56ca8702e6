<?php
/**
 * The base configuration for WordPress
 *
 * @link https://wordpress.org/documentation/article/editing-wp-config-php/
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'wp_membership' );
define( 'DB_USER', 'wp_membership' );
define( 'DB_PASSWORD', '5Uvhh*ySrd' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'rVy9dvnxiPXT5d7H7iaB6llWHCAp0y03KhoMX8nFhal23zamIrfj9mOCmPhn0cOC' );
define( 'SECURE_AUTH_KEY',  'DR3xGC3SFD1w6ODZlmT3x9UHPYF7AqDHYZTz4DAp9eHziaMkqWM6hkEZzazKAyAK' );
define( 'LOGGED_IN_KEY',    'MpjFwKdL7ftQT81bU6vdKxNSvpYBWmoYcDk9DscsW8X6JJiRHBht3dpGAeMkyLKR' );
define( 'NONCE_KEY',        'YZyZN8Q0EaeNbtM2X7lt4fcjKT4Y4zBXU0I5DqC5qLvUJHAahHXGvcKJ6TNEOm12' );
define( 'AUTH_SALT',        '6QRdBhqtFS7EVVVWdaQu5ZvfL0mkd4DF46NOJ93zJtCv57GUM2dPoirXYhnE3JHp' );
define( 'SECURE_AUTH_SALT', 'VD149gbdcUjftV9u0FnlwwFhyn5GGzE7opDZN7QnI4AvOsTjuCxJZgRvPq71aDFT' );
define( 'LOGGED_IN_SALT',   'fxLgZMrtBtaUqZZ9ovEghanoBkMlvq4ygO8bwiv8qWlNBQFUyrtuhNejtf6fse5I' );
define( 'NONCE_SALT',       'vDUwBuCNyXTA60bMAJLUW0OTC8wu0rrZSUkQ4REuvjFkQyQiJTkDDHC2B6HGZ4Ye' );
/**#@-*/

$table_prefix = 'wp_';

/* Object Sync for Salesforce - keep the app settings out of the options table */
define( 'OBJECT_SYNC_SF_SALESFORCE_CONSUMER_KEY', '3MVG99gAIFQQCRu9vzGu_WMg5jQLpLQmIoGlnm9mqrmgrClSyY.XftOSJOeqAREA4.c5_qkBJ6a_3MpTSXZKE' );
define( 'OBJECT_SYNC_SF_SALESFORCE_CONSUMER_SECRET', 'A05B717B670403E1ACF577A57094957B128AF19170730876221DD9B8AE12A814' );
define( 'OBJECT_SYNC_SF_SALESFORCE_CALLBACK_URL', 'https://members.oakridge-guild.org/wp-admin/options-general.php?page=object-sync-salesforce-admin&tab=authorize' );
define( 'OBJECT_SYNC_SF_SALESFORCE_LOGIN_BASE_URL', 'https://login.salesforce.com' );
define( 'OBJECT_SYNC_SF_SALESFORCE_AUTHORIZE_URL_PATH', '/services/oauth2/authorize' );
define( 'OBJECT_SYNC_SF_SALESFORCE_TOKEN_URL_PATH', '/services/oauth2/token' );
define( 'OBJECT_SYNC_SF_SALESFORCE_API_VERSION', '59.0' );

/* Gravity Forms Salesforce add-on (legacy API mode) */
define( 'GF_SALESFORCE_USERNAME', 'webforms@oakridge-guild.org' );
define( 'GF_SALESFORCE_PASSWORD', 'Meadow426@Relay' );
define( 'GF_SALESFORCE_SECURITY_TOKEN', '2RM13mIIgnJ4owjElbDfGi4g' );

define( 'WP_DEBUG', false );
define( 'DISALLOW_FILE_EDIT', true );

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
