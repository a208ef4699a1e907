import type { HandlerMap } from './types';
import {
  calendarDetail, calendarItemRef, copyCalendar, deleteCalendar, deleteCalendarItem, getCalendar, getCalendarItem, insertCalendar,
  insertCalendarItem, listCalendars, moveCalendarItem, pasteItems, setItemStatus, setTheme, updateCalendar, updateCalendarItem,
} from '../store/calendars';

export const calendarHandlers: HandlerMap<'calendars.list' | 'calendars.get' | 'calendars.save' | 'calendars.delete' | 'calendars.copy'
  | 'calendars.setTheme' | 'calendarItems.save' | 'calendarItems.delete' | 'calendarItems.move' | 'calendarItems.get'
  | 'calendarItems.setStatus' | 'calendarItems.paste'> = {
  'calendars.list': (a) => listCalendars(a),
  'calendars.get': (a, { id }) => calendarDetail(a, id),
  'calendars.save': (a, { id, fields }) => {
    if (id) {
      updateCalendar(a, id, fields);
      return getCalendar(a, id);
    }
    return getCalendar(a, insertCalendar(a, fields));
  },
  'calendars.delete': (a, { id }) => ({ recycleId: deleteCalendar(a, id) }),
  'calendars.copy': (a, { id, title, shiftYears }) => getCalendar(a, copyCalendar(a, id, title, shiftYears)),
  'calendars.setTheme': (a, { calendarId, month, theme }) => {
    setTheme(a, calendarId, month, theme);
    return { saved: true };
  },
  'calendarItems.save': (a, { id, fields }) => {
    if (id) {
      updateCalendarItem(a, id, fields);
      return getCalendarItem(a, id);
    }
    return getCalendarItem(a, insertCalendarItem(a, fields));
  },
  'calendarItems.delete': (a, { id }) => ({ recycleId: deleteCalendarItem(a, id) }),
  'calendarItems.move': (a, { id, direction }) => ({ moved: moveCalendarItem(a, id, direction) }),
  'calendarItems.get': (a, { id }) => calendarItemRef(a, id),
  'calendarItems.setStatus': (a, { id, status, statusNote }) => {
    setItemStatus(a, id, status, statusNote);
    return getCalendarItem(a, id);
  },
  'calendarItems.paste': (a, { calendarId, text }) => pasteItems(a, calendarId, text),
};
