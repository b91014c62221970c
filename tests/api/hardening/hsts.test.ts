/** HSTS pins a host name to https; it is sent only when the server is reached over https. */
import request from 'supertest';
import { buildTestApp } from '../../helpers/test-app';

describe('Strict-Transport-Security', () => {
  it('when BASE_URL is https, then every answer carries HSTS for a year', async () => {
    const { app } = await buildTestApp({ baseUrl: 'https://audit.example.org' });
    const response = await request(app).get('/healthz').expect(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('when BASE_URL is plain http, then no HSTS header is sent', async () => {
    const { app } = await buildTestApp({ baseUrl: 'http://localhost:3000' });
    const response = await request(app).get('/healthz').expect(200);
    expect(response.headers['strict-transport-security']).toBeUndefined();
    // The other security headers are still there.
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
