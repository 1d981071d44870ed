/**
 * Permission handlers: Fieldwork needs no browser permission (camera, geolocation, notifications, MIDI,
 * HID, serial…), so every request is refused and every check answers "no". Without these handlers Electron
 * grants most permissions by default, which would let any script that slipped past the CSP reach devices.
 */
import type { Session } from 'electron';

/** The two `Session` methods this module uses; a real `Session` satisfies it, and so does a test fake. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** The request handler: always answers the callback with `false`. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

/** The check handler: no permission is ever reported as granted. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Install both handlers on `session` (call once per session, before any window loads). */
export function applyPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}
