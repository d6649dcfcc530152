/**
 * The single-file CDN bundle (`dist/cdn/pembinaan-asn.js`): registers every element (provider first) and
 * exports the SDK, so a portal needs one `<script type="module">`.
 */
import '../components/index.js';

export * from './client/index.js';
