// A council's Vue 3 app with a Pupil Voice survey in it: the template is compiled in the
// browser (Vue's full build), so there is no build step beyond bundling Vue itself.
//
// What Vue does with a custom element, and what this page relies on:
// - `compilerOptions.isCustomElement` tells Vue that `pv-` tags are not Vue components;
// - `:definition="definition"` is set as the element's property (Vue checks `key in el`), so
//   an object arrives as an object; `survey-id` and `endpoint` are attributes;
// - `@pv-answer-saved` listens to that event;
// - a keyed `v-for` that reorders moves the same element in the DOM ("Move the survey down"
//   puts it after the two other sections); `v-if` removes it and later creates a new one,
//   which resumes the draft.
import { createApp, shallowRef, ref, computed, onMounted } from 'vue';

const SURVEY = 'lunchtime';

const app = createApp({
  setup() {
    // shallowRef: the definition goes to the element as the plain object, not a Vue proxy.
    const definition = shallowRef();
    const loadError = ref('');
    const shown = ref(true);
    const surveyFirst = ref(true);
    const saves = ref(0);
    const sent = ref(false);
    const blocks = computed(() => (surveyFirst.value ? ['survey', 'info', 'help'] : ['info', 'help', 'survey']));
    onMounted(async () => {
      try {
        const response = await fetch(`/v1/surveys/${SURVEY}`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        definition.value = await response.json();
      } catch (error) {
        loadError.value = String(error);
      }
    });
    return { SURVEY, definition, loadError, shown, surveyFirst, saves, sent, blocks };
  },
  template: `
    <main>
      <h1>Lunchtime survey (Vue)</h1>
      <div class="toolbar">
        <button type="button" @click="surveyFirst = !surveyFirst">{{ surveyFirst ? 'Move the survey down' : 'Move the survey up' }}</button>
        <button type="button" @click="shown = !shown">{{ shown ? 'Hide the survey' : 'Show the survey' }}</button>
      </div>
      <p role="status" id="saves">Answers saved on this device: {{ saves }}</p>
      <p role="status" id="sent">{{ sent ? 'Sent to the school.' : 'Not sent yet.' }}</p>
      <template v-for="block in blocks" :key="block">
        <section v-if="block === 'info'" aria-labelledby="info-heading">
          <h2 id="info-heading">About this survey</h2>
          <p>The school council reads every answer. Nobody can see who said what.</p>
        </section>
        <section v-else-if="block === 'help'" aria-labelledby="help-heading">
          <h2 id="help-heading">Need to talk to someone?</h2>
          <p>Talk to any adult in school, or call Childline free on 0800 1111.</p>
        </section>
        <section v-else aria-labelledby="survey-heading">
          <h2 id="survey-heading">Have your say</h2>
          <p v-if="loadError" role="alert">The survey could not be loaded ({{ loadError }}).</p>
          <pv-survey
            v-if="shown"
            :definition="definition"
            :survey-id="SURVEY"
            :endpoint="'/v1/surveys/' + SURVEY + '/responses'"
            @pv-answer-saved="saves += 1"
            @pv-response-sent="sent = true"
          ></pv-survey>
          <p v-else>The survey is hidden. Your answers so far are kept on this device.</p>
        </section>
      </template>
    </main>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('pv-');
app.mount('#app');
