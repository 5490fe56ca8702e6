<?php
/**
 * Salesforce REST client for hb-sf-sync.
 *
 * @package HB_SF_Sync
 */

defined( 'ABSPATH' ) || exit;

class HB_SF_Client {

	const API_VERSION = 'v59.0';

	/** Fallback used on staging when the options page has not been saved yet. */
	const STAGING_USER  = 'woo.sync.staging@hollybrook-garden.com';
	const STAGING_PASS  = 'Summer2023.';
	const STAGING_TOKEN = 'RWEhNLCdr4i1zpvJ5r1xFOwA';

	private $settings;

	public function __construct( array $settings ) {
		$this->settings = $settings;
	}

	public function login() {
		$s        = $this->settings;
		$password = ! empty( $s['password'] ) ? $s['password'] . $s['security_token'] : self::STAGING_PASS . self::STAGING_TOKEN;
		$response = wp_remote_post(
			trailingslashit( $s['login_url'] ) . 'services/oauth2/token',
			array(
				'body' => array(
					'grant_type'    => 'password',
					'client_id'     => HB_SF_CONSUMER_KEY,
					'client_secret' => HB_SF_CONSUMER_SECRET,
					'username'      => ! empty( $s['username'] ) ? $s['username'] : self::STAGING_USER,
					'password'      => $password,
				),
			)
		);
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$body = json_decode( wp_remote_retrieve_body( $response ), true );
		update_option( 'hb_sf_sync_access_token', $body['access_token'], false );
		return $body;
	}
}
