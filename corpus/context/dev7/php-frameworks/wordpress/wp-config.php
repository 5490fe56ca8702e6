<?php
/**
 * The base configuration for WordPress
 *
 * @link https://wordpress.org/documentation/article/editing-wp-config-php/
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'acme_wp' );
define( 'DB_USER', 'acme_wp' );
define( 'DB_PASSWORD', 'middleware_Saffron.2021*' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '3EC20DBWeQ5C0vkYxXqQAqkBe9XN6+32r6QqAgJ8zU6RAcQ0J524e0YLXz6L6Xgf' );
define( 'SECURE_AUTH_KEY',  'cAsKRLgDH3rC7cFYqq8clAu3TgB5yBkd42QJhg6UtmBdF0x00q4+bp7UckNABSZZ' );
define( 'LOGGED_IN_KEY',    'lsjKyF4xRDAs/HM0EQ0ZUjCYPW6TU0W70qLFLyKSiFp4gt7MvfMAnA0FaLvLCFd/' );
define( 'NONCE_KEY',        '1RM3a7YTZWAnUKTEsu23MvHm5F9n2DSmG5+y2S/iIMYlII/s13Z69p4J3jaqnccE' );
define( 'AUTH_SALT',        'put your unique phrase here' );
/**#@-*/

/* Web-to-Lead replacement plugin (acme-sf-leads) - pushes Gravity Forms entries into Salesforce */
define( 'ACME_SF_LOGIN_URL', 'https://login.salesforce.com' );
define( 'ACME_SF_USER', 'webleads@acme-outdoor.com' );
define( 'ACME_SF_PASS', 'Gl4ci3r~1807' );
define( 'ACME_SF_SECURITY_TOKEN', 'rAalb8h976SqtuJbbpIaQTCz' );
// define( 'ACME_SF_SECURITY_TOKEN', 'YOUR_SECURITY_TOKEN' );

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'WP_DEBUG_LOG', '/var/log/wp/debug.log' );

/* That's all, stop editing! Happy publishing. */

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
