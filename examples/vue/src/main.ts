// Registers the elements before Vue mounts: Vue sets a binding as a property only when the element already has it
// (`key in el`), so the definitions come first (docs/embedding/vue.md, "Properties and attributes").
import 'pembinaan-asn/components/asn-provider';
import 'pembinaan-asn/components/asn-progress-card';
import 'pembinaan-asn/components/asn-goal-list';
import 'pembinaan-asn/components/asn-feedback-feed';
// For vue-tsc: the elements' properties and events in templates ("Types" in the guide). Nothing of it is bundled.
import 'pembinaan-asn/vue';
import { createApp } from 'vue';
import App from './App.vue';
import '../../shared/portal.css';

createApp(App).mount('#app');
