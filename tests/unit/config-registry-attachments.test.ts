import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/composition/config';

describe('configuration of the registry and the attachments bucket', () => {
  it('defaults to the real Enhetsregisteret with a 3 second timeout', () => {
    // Act
    const config = loadConfig({ TABLE_NAME: 'fordel', ATTACHMENTS_BUCKET: 'fordel-attachments-123' });
    // Assess
    expect(config.REGISTRY_BASE_URL).toBe('https://data.brreg.no');
    expect(config.REGISTRY_TIMEOUT_MS).toBe(3000);
  });

  it('reads the timeout from the environment as a number', () => {
    // Act
    const config = loadConfig({ TABLE_NAME: 'fordel', ATTACHMENTS_BUCKET: 'b-123', REGISTRY_TIMEOUT_MS: '750' });
    // Assess
    expect(config.REGISTRY_TIMEOUT_MS).toBe(750);
  });

  it('refuses to start in AWS without an attachments bucket, naming the field', () => {
    // Act / Assess
    expect(() => loadConfig({ TABLE_NAME: 'fordel' })).toThrow('ATTACHMENTS_BUCKET');
  });

  it('lets the local stand-ins leave the bucket out', () => {
    // Act
    const config = loadConfig({ TABLE_NAME: 'fordel', S3_ENDPOINT: 'http://127.0.0.1:8007' });
    // Assess
    expect(config.ATTACHMENTS_BUCKET).toBeUndefined();
  });

  it('refuses a timeout that is not a whole number of milliseconds', () => {
    // Act / Assess
    expect(() => loadConfig({ TABLE_NAME: 'fordel', ATTACHMENTS_BUCKET: 'b-123', REGISTRY_TIMEOUT_MS: 'soon' })).toThrow('REGISTRY_TIMEOUT_MS');
  });
});
