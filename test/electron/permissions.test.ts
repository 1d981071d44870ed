import { describe, expect, it, vi } from 'vitest';
import {
  applyPermissionPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  type PermissionSession,
} from '../../electron/main/security/permissions';

describe('permission policy', () => {
  it('installs handlers that refuse every request and every check', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
    const session: PermissionSession = {
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    };
    applyPermissionPolicy(session);
    expect(request).toBe(denyPermissionRequest);
    expect(check).toBe(denyPermissionCheck);

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'unknown',
    ]) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });
});
