// patches/@remix-run+router+1.23.3.patch (applied by `npm install`, postinstall): the server's route
// matching ranks a routes array's branches once and compiles each path pattern once, instead of on
// every match (a third of the server's CPU went there with 118 routes). The answers must not change.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type * as Router from '@remix-run/router'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const file = require.resolve('@remix-run/router')
const { matchPath, matchRoutes } = require('@remix-run/router') as typeof Router

const routes = [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'index', index: true },
      { id: 'documents', path: 'documents' },
      { id: 'document', path: 'documents/:id' },
      { id: 'new', path: 'documents/new' },
      { id: 'versions', path: 'documents/:id/versions/:number?' },
      { id: 'api', path: 'api/v1/*' },
      { id: 'Case', path: 'CaseSensitive', caseSensitive: true },
      { id: 'splat', path: '*' },
    ],
  },
]

const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null

describe('the route-matching patch', () => {
  it('is applied to the router Node loads', () => {
    expect(file).toMatch(/router\.cjs\.js$/)
    const source = fs.readFileSync(file, 'utf8')
    expect(source).toContain('rankedBranchesCache')
    expect(source).toContain('compilePathUncached')
  })

  it('matches as the router always did, the first time and every time after', () => {
    for (let round = 0; round < 3; round++) {
      expect(ids('/')).toEqual(['root', 'index'])
      expect(ids('/documents')).toEqual(['root', 'documents'])
      expect(ids('/documents/new')).toEqual(['root', 'new']) // a static segment outranks a param
      expect(ids('/documents/abc')).toEqual(['root', 'document'])
      expect(matchRoutes(routes, '/documents/abc')![1].params).toEqual({ id: 'abc' })
      expect(matchRoutes(routes, '/documents/a%20b/versions/2')![1].params).toEqual({
        id: 'a b',
        number: '2',
      })
      expect(ids('/documents/abc/versions')).toEqual(['root', 'versions'])
      expect(matchRoutes(routes, '/api/v1/x/y')![1].params['*']).toBe('x/y')
      expect(ids('/CaseSensitive')).toEqual(['root', 'Case'])
      expect(ids('/casesensitive')).toEqual(['root', 'splat'])
      expect(ids('/nowhere/at/all')).toEqual(['root', 'splat'])
    }
  })

  it('keeps matchPath exact for patterns that differ only in case-sensitivity or end', () => {
    expect(matchPath({ path: '/a/:x', caseSensitive: true, end: true }, '/A/1')).toBeNull()
    expect(matchPath({ path: '/a/:x', caseSensitive: false, end: true }, '/A/1')?.params).toEqual({ x: '1' })
    expect(matchPath({ path: '/a/:x', end: false }, '/a/1/more')?.pathnameBase).toBe('/a/1')
    expect(matchPath({ path: '/a/:x', end: true }, '/a/1/more')).toBeNull()
    // many patterns (matchPath is public API): the cache is bounded and stays right
    for (let i = 0; i < 2500; i++) expect(matchPath(`/p${i}/:id`, `/p${i}/v`)?.params.id).toBe('v')
  })

  it('a new routes array (a new build in development) is ranked afresh', () => {
    const other = [{ id: 'only', path: '/only' }]
    expect(matchRoutes(other, '/only')?.map((m) => m.route.id)).toEqual(['only'])
    expect(matchRoutes(other, '/documents')).toBeNull()
  })
})
