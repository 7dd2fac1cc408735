/** The event name's byte length is a u16 in each event entry: at most 32767 UTF-16 units. */
export const MAX_EVENT_NAME = 0x7fff;
/** Field ids are u16. */
export const MAX_COLUMNS = 0xffff;
