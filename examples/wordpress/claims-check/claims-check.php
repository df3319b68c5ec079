<?php
/**
 * Plugin Name: claims – check the figures before publishing
 * Description: Sends the post to a `claims serve` service before it is published, shows what it
 *              found in the block editor's pre-publish panel (and as a notice in the classic
 *              editor), and can hold back a post whose figures are wrong.
 * Version:     0.1.0
 * Requires PHP: 7.4
 * License:     MIT
 *
 * Settings, in wp-config.php:
 *   define( 'CLAIMS_SERVICE_URL', 'http://127.0.0.1:8484' );   // where `claims serve` listens
 *   define( 'CLAIMS_SERVICE_TOKEN', '...' );                    // if it was started with a token
 *   define( 'CLAIMS_BLOCK_ON_ERROR', true );                     // keep wrong posts from publishing
 *
 * The token stays on the server: the editor talks to this plugin's REST route, which calls the
 * service. Nothing is sent anywhere else.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const CLAIMS_META_KEY = '_claims_findings';

/** The service's base URL (no trailing slash). */
function claims_service_url() {
	$url = defined( 'CLAIMS_SERVICE_URL' ) ? CLAIMS_SERVICE_URL : 'http://127.0.0.1:8484';
	return untrailingslashit( apply_filters( 'claims_service_url', $url ) );
}

/**
 * POST a story to the service; returns the decoded answer or a WP_Error with the service's
 * one-line message.
 *
 * @param string $endpoint '/v1/check' or '/v1/report'.
 * @param string $html     The post content (HTML, blocks included).
 * @param string $date     The post's date, YYYY-MM-DD.
 * @param string $name     A label for the story (shown as its path).
 */
function claims_request( $endpoint, $html, $date, $name ) {
	$headers = array( 'Content-Type' => 'application/json' );
	if ( defined( 'CLAIMS_SERVICE_TOKEN' ) && CLAIMS_SERVICE_TOKEN ) {
		$headers['Authorization'] = 'Bearer ' . CLAIMS_SERVICE_TOKEN;
	}
	$body = array( 'html' => $html, 'name' => $name );
	if ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', $date ) ) {
		$body['date'] = $date;
	}
	$response = wp_remote_post(
		claims_service_url() . $endpoint,
		array(
			'headers' => $headers,
			'body'    => wp_json_encode( $body ),
			'timeout' => 15,
		)
	);
	if ( is_wp_error( $response ) ) {
		return $response;
	}
	$status = wp_remote_retrieve_response_code( $response );
	$text   = wp_remote_retrieve_body( $response );
	if ( 200 !== $status ) {
		$error   = json_decode( $text, true );
		$message = isset( $error['error']['message'] ) ? $error['error']['message'] : "HTTP $status";
		return new WP_Error( 'claims_service', $message, array( 'status' => $status ) );
	}
	return '/v1/report' === $endpoint ? $text : json_decode( $text, true );
}

/** The findings worth showing an editor: errors, warnings and unverifiable ones, not suppressed. */
function claims_problems( $answer ) {
	$out = array();
	foreach ( $answer['files'][0]['findings'] as $finding ) {
		if ( empty( $finding['suppressed'] ) && 'ok' !== $finding['verdict'] ) {
			$out[] = array(
				'verdict'  => $finding['verdict'],
				'code'     => $finding['code'],
				'text'     => $finding['text'],
				'message'  => $finding['message'],
				'expected' => isset( $finding['expected']['text'] ) ? $finding['expected']['text'] : null,
			);
		}
	}
	return $out;
}

/**
 * Every save path (classic editor, block editor, REST, XML-RPC): check the post just before it
 * is written, keep the findings in post meta, and (with CLAIMS_BLOCK_ON_ERROR) hold a post whose
 * figures are wrong as "pending" instead of publishing it. `wp_insert_post_data` is used rather
 * than `pre_post_update` because it runs for new posts too and may change the status;
 * `pre_post_update` only sees updates and cannot stop one.
 */
add_filter(
	'wp_insert_post_data',
	function ( $data, $postarr ) {
		if ( 'post' !== $data['post_type'] || wp_is_post_revision( $postarr['ID'] ?? 0 ) ) {
			return $data;
		}
		$answer = claims_request( '/v1/check', $data['post_content'], substr( $data['post_date'], 0, 10 ), $data['post_name'] ? $data['post_name'] : 'draft' );
		if ( is_wp_error( $answer ) ) {
			set_transient( 'claims_notice_' . get_current_user_id(), array( 'error' => $answer->get_error_message() ), 60 );
			return $data;                        // the service being down never blocks the desk
		}
		$problems = claims_problems( $answer );
		set_transient( 'claims_notice_' . get_current_user_id(), array( 'problems' => $problems ), 60 );
		if ( ! empty( $postarr['ID'] ) ) {
			update_post_meta( $postarr['ID'], CLAIMS_META_KEY, wp_slash( wp_json_encode( $problems ) ) );
		}
		$block = defined( 'CLAIMS_BLOCK_ON_ERROR' ) && CLAIMS_BLOCK_ON_ERROR;
		if ( $block && ! empty( $answer['outcome']['failed'] ) && 'publish' === $data['post_status'] ) {
			$data['post_status'] = 'pending';   // held for review: the notice says why
		}
		return $data;
	},
	10,
	2
);

/** Classic editor: show the last check's findings after saving. */
add_action(
	'admin_notices',
	function () {
		$notice = get_transient( 'claims_notice_' . get_current_user_id() );
		if ( ! $notice ) {
			return;
		}
		delete_transient( 'claims_notice_' . get_current_user_id() );
		if ( isset( $notice['error'] ) ) {
			printf( '<div class="notice notice-warning"><p>%s %s</p></div>', esc_html__( 'The figures were not checked:', 'claims' ), esc_html( $notice['error'] ) );
			return;
		}
		if ( empty( $notice['problems'] ) ) {
			return;
		}
		echo '<div class="notice notice-error"><p><strong>' . esc_html__( 'claims found figures to look at:', 'claims' ) . '</strong></p><ul>';
		foreach ( $notice['problems'] as $p ) {
			printf( '<li><strong>%s %s</strong> “%s”: %s</li>', esc_html( strtoupper( $p['verdict'] ) ), esc_html( $p['code'] ), esc_html( $p['text'] ), esc_html( $p['message'] ) );
		}
		echo '</ul></div>';
	}
);

/** The block editor's route: check (or report on) the content the editor has now. */
add_action(
	'rest_api_init',
	function () {
		foreach ( array( 'check' => '/v1/check', 'report' => '/v1/report' ) as $route => $endpoint ) {
			register_rest_route(
				'claims/v1',
				'/' . $route,
				array(
					'methods'             => 'POST',
					'permission_callback' => function () {
						return current_user_can( 'edit_posts' );
					},
					'args'                => array(
						'content' => array( 'type' => 'string', 'required' => true ),
						'date'    => array( 'type' => 'string', 'required' => false ),
						'name'    => array( 'type' => 'string', 'required' => false ),
					),
					'callback'            => function ( WP_REST_Request $request ) use ( $endpoint ) {
						$answer = claims_request( $endpoint, $request['content'], (string) $request['date'], $request['name'] ? $request['name'] : 'draft' );
						if ( is_wp_error( $answer ) ) {
							return $answer;
						}
						if ( '/v1/report' === $endpoint ) {
							return array( 'html' => $answer );
						}
						return array(
							'failed'   => ! empty( $answer['outcome']['failed'] ),
							'summary'  => $answer['summary'],
							'problems' => claims_problems( $answer ),
						);
					},
				)
			);
		}
	}
);

/** The pre-publish panel (no build step: plain wp.* globals). */
add_action(
	'enqueue_block_editor_assets',
	function () {
		wp_enqueue_script(
			'claims-pre-publish',
			plugins_url( 'pre-publish.js', __FILE__ ),
			array( 'wp-plugins', 'wp-edit-post', 'wp-element', 'wp-components', 'wp-data', 'wp-api-fetch' ),
			'0.1.0',
			true
		);
	}
);
