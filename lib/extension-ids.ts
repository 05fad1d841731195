/**
 * Daylight's Firefox add-on id, named by the manifest and by the admin's Firefox policies. The
 * Chrome/Edge id is not fixed here: it comes from the key the CRX is signed with (see
 * docs/admin.md, "Build and host the packages").
 */
export const GECKO_ID = 'daylight@daylight.example';
