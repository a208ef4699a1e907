import type { HandlerMap } from './types';
import { listSchools } from '../store/schools';
import { deleteZone, getZone, insertZone, listZones, moveSchools, updateZone } from '../store/zones';

/** A zone holds tens of schools at most; its page shows them all. */
const ALL_OF_A_ZONE = 10_000;

export const zoneHandlers: HandlerMap<'zones.list' | 'zones.get' | 'zones.save' | 'zones.delete' | 'zones.moveSchools'> = {
  'zones.list': (a) => listZones(a),
  'zones.get': (a, { id }) => ({ zone: getZone(a, id), schools: listSchools(a, { zoneId: id, limit: ALL_OF_A_ZONE }).rows }),
  'zones.save': (a, { id, fields }) => {
    if (id) {
      updateZone(a, id, fields);
      return getZone(a, id);
    }
    return getZone(a, insertZone(a, fields));
  },
  'zones.delete': (a, { id }) => ({ recycleId: deleteZone(a, id) }),
  'zones.moveSchools': (a, { schoolIds, zoneId }) => ({ moved: moveSchools(a, schoolIds, zoneId) }),
};
