import { describe, expect, it } from 'vitest';
import { answers, json, page, problem } from '../test/http';
import { ApiError, nextPageQuery, request, requestPage } from './client';

describe('request', () => {
  it('answers the JSON body and sends JSON with its content type', async () => {
    const fetch = answers(json(201, { id: 7 }));

    expect(await request('/admin/api/products', { method: 'POST', body: '{"title":"Mug"}' })).toEqual({ id: 7 });
    expect(fetch).toHaveBeenCalledWith('/admin/api/products', expect.objectContaining({
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' } }));
  });

  it('answers nothing for a 204', async () => {
    answers(new Response(null, { status: 204 }));
    expect(await request('/admin/api/products/7', { method: 'DELETE' })).toBeUndefined();
  });

  it('turns a problem into an ApiError with its status, detail and field errors', async () => {
    answers(problem(400, 'Invalid field(s): image, title.', [
      { field: 'title', message: 'is required' },
      { field: 'image', message: 'is required' },
      { field: 'image', message: 'must be an absolute http or https URL' },
    ]));

    const error = await request('/admin/api/products').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const failure = error as ApiError;
    expect(failure.status).toBe(400);
    expect(failure.message).toBe('Invalid field(s): image, title.');
    expect(failure.unavailable).toBe(false);
    expect(failure.fieldErrors()).toEqual({ title: 'is required',
      image: 'is required; must be an absolute http or https URL' });
  });

  it('keeps the status of an error whose body is not a problem, with the status text as its message', async () => {
    answers(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    const error = await request('/main/api/products').catch((e: unknown) => e) as ApiError;

    expect(error.status).toBe(502);
    expect(error.message).toBe('Bad Gateway');
    expect(error.unavailable).toBe(true);
  });

  it('reports a service that cannot be reached as status 0, unavailable', async () => {
    answers(new TypeError('Failed to fetch'));

    const error = await request('/main/api/products').catch((e: unknown) => e) as ApiError;

    expect(error.status).toBe(0);
    expect(error.unavailable).toBe(true);
    expect(error.message).toBe('The service could not be reached.');
  });
});

describe('requestPage', () => {
  it('answers the items and the query of the next page', async () => {
    answers(page([{ id: 1 }, { id: 2 }], 2));

    const { items, next } = await requestPage('/main/api/products?limit=100');

    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(next?.get('after')).toBe('2');
    expect(next?.get('limit')).toBe('100');
  });

  it('has no next page on the last one', async () => {
    answers(page([{ id: 3 }]));
    expect((await requestPage('/main/api/products')).next).toBeUndefined();
  });
});

describe('nextPageQuery', () => {
  it.each([
    ['<http://h/api/products?after=9&limit=5>; rel="next"', '9'],
    ['<http://h/api/products?after=1>; rel="prev", </api/products?after=9>; rel=next', '9'],
    ['</api/products?after=9>; title="x"; rel="prev next"', '9'],
  ])('finds the next link in %s', (header, after) => {
    expect(nextPageQuery(header)?.get('after')).toBe(after);
  });

  it.each([[null], [''], ['<http://h/api/products?after=1>; rel="prev"'], ['<http://h/?after=1>; rel="nextpage"']])(
    'finds none in %s', (header) => {
      expect(nextPageQuery(header)).toBeUndefined();
    });
});
