import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import { App } from './App';
import { adoptLaunchToken } from './api';

const theme = createTheme({
  primaryColor: 'red',
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  components: {
    // A badge is a few characters (即将期满, 待整改): never cut to "即将…" in a narrow column or row;
    // where there is no room the row wraps it onto the next line instead.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } }),
  },
});

// Browser mode: keep the launch token for this tab and take it out of the address bar first.
if (!window.api) adoptLaunchToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {/* Dates in Chinese whatever the browser's or Windows' locale: 2026年12月4日, weeks from Monday (components/DateFields.tsx). */}
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="bottom-right" />
        <HashRouter>
          <App />
        </HashRouter>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
