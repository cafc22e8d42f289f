import { describe, expect, it } from 'vitest';
import { readS3Config } from './s3Config';

describe('readS3Config', () => {
  it('is null without a bucket: attachments stay on the filesystem', () => {
    expect(readS3Config({})).toBeNull();
    expect(readS3Config({ S3_BUCKET: '', S3_ENDPOINT: 'http://127.0.0.1:4569' })).toBeNull();
    expect(readS3Config({ S3_BUCKET: '  ' })).toBeNull();
  });

  it('with only a bucket: AWS, us-east-1, virtual-hosted style, the default credential chain, attachments/', () => {
    expect(readS3Config({ S3_BUCKET: 'youfu-prod' })).toEqual({
      bucket: 'youfu-prod',
      region: 'us-east-1',
      forcePathStyle: false,
      prefix: 'attachments/',
    });
  });

  it('reads every variable, and path style by default when an endpoint is given', () => {
    expect(
      readS3Config({
        S3_BUCKET: 'youfu',
        S3_ENDPOINT: 'http://127.0.0.1:4569',
        S3_REGION: 'cn-east-1',
        S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        S3_SECRET_ACCESS_KEY: 'secret/with+chars',
        S3_PREFIX: 'station-7/attachments/',
      }),
    ).toEqual({
      bucket: 'youfu',
      endpoint: 'http://127.0.0.1:4569',
      region: 'cn-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/with+chars' },
      forcePathStyle: true,
      prefix: 'station-7/attachments/',
    });
  });

  it.each([
    ['true', undefined, true],
    ['1', undefined, true],
    ['false', 'https://s3.example.cn', false],
    ['0', 'https://s3.example.cn', false],
    [undefined, 'https://s3.example.cn', true],
    [undefined, undefined, false],
    ['', undefined, false],
  ])('S3_FORCE_PATH_STYLE=%s with endpoint %s → %s', (raw, endpoint, expected) => {
    const config = readS3Config({ S3_BUCKET: 'youfu', S3_FORCE_PATH_STYLE: raw, S3_ENDPOINT: endpoint });
    expect(config?.forcePathStyle).toBe(expected);
  });

  it.each([
    [{ S3_BUCKET: 'Youfu_Bucket' }, /S3_BUCKET/],
    [{ S3_BUCKET: 'ab' }, /S3_BUCKET/],
    [{ S3_BUCKET: 'youfu/attachments' }, /S3_BUCKET/],
    [{ S3_BUCKET: 'youfu', S3_ENDPOINT: '127.0.0.1:4569' }, /S3_ENDPOINT/],
    [{ S3_BUCKET: 'youfu', S3_ENDPOINT: 'ftp://127.0.0.1' }, /S3_ENDPOINT/],
    [{ S3_BUCKET: 'youfu', S3_REGION: 'US East' }, /S3_REGION/],
    [{ S3_BUCKET: 'youfu', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE/],
    [{ S3_BUCKET: 'youfu', S3_PREFIX: 'attachments' }, /S3_PREFIX/],
    [{ S3_BUCKET: 'youfu', S3_PREFIX: '/attachments/' }, /S3_PREFIX/],
    [{ S3_BUCKET: 'youfu', S3_PREFIX: 'a//b/' }, /S3_PREFIX/],
    [{ S3_BUCKET: 'youfu', S3_PREFIX: '../other/' }, /S3_PREFIX/],
    [{ S3_BUCKET: 'youfu', S3_ACCESS_KEY_ID: 'AKIDEXAMPLE' }, /S3_SECRET_ACCESS_KEY/],
    [{ S3_BUCKET: 'youfu', S3_SECRET_ACCESS_KEY: 'secret' }, /S3_ACCESS_KEY_ID/],
  ])('refuses %o, naming the variable', (env, name) => {
    expect(() => readS3Config(env)).toThrow(name);
  });

  it('does not put the secret key in its error', () => {
    let message = '';
    try {
      readS3Config({ S3_BUCKET: 'youfu', S3_SECRET_ACCESS_KEY: 'hunter2-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/S3_ACCESS_KEY_ID/);
    expect(message).not.toContain('hunter2');
  });
});
