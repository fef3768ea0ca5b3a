import { render } from 'preact';
render(<p>Làng số {__LANGSO_BUILD__}</p>, document.getElementById('app')!);
