import { describe, expect, test } from 'vitest';
import { classifyAwsError, describeAwsError, environmentError, isReadOnlyCall } from '../../../src/cloud/aws/clients.js';

const awsError = (name: string, message: string, action?: string) => Object.assign(new Error(message), { name, $action: action });

describe('AWS error handling', () => {
  test('classifies errors the engine treats differently', () => {
    expect(classifyAwsError(awsError('UnauthorizedOperation', 'You are not authorized'))).toBe('accessDenied');
    expect(classifyAwsError(awsError('AccessDenied', 'User is not authorized to perform: iam:CreateRole'))).toBe('accessDenied');
    expect(classifyAwsError(awsError('DependencyViolation', 'has dependencies'))).toBe('dependencyViolation');
    expect(classifyAwsError(awsError('DeleteConflict', 'must remove roles from instance profile first'))).toBe('dependencyViolation');
    expect(classifyAwsError(awsError('InvalidVpcID.NotFound', 'does not exist'))).toBe('notFound');
    expect(classifyAwsError(awsError('NoSuchEntity', 'role not found'))).toBe('notFound');
    expect(classifyAwsError(awsError('ValidationError', 'AutoScalingGroup name not found'))).toBe('notFound');
    expect(classifyAwsError(awsError('InvalidParameterValue', 'Value (nodes.x) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'))).toBe('retryable');
    expect(classifyAwsError(awsError('Throttling', 'Rate exceeded'))).toBe('retryable');
    expect(classifyAwsError(awsError('InvalidParameterValue', 'bad CIDR'))).toBe('other');
  });

  test('a failed call is described by its API action, code and message on one line', () => {
    expect(describeAwsError(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.\nEncoded message...', 'CreateVpc'))).toBe(
      'CreateVpc: UnauthorizedOperation: You are not authorized to perform this operation.',
    );
    expect(describeAwsError(new Error('shared VPC x was not found'))).toBe('shared VPC x was not found');
  });

  test('credential and network failures become user errors saying what to check', () => {
    const where = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1' };
    expect(environmentError(Object.assign(new Error('x'), { name: 'CredentialsProviderError' }), where)?.message).toBe('no AWS credentials found');
    const refused = Object.assign(new Error('connect'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(environmentError(refused, where)?.message).toBe('cannot reach http://127.0.0.1:9: connection refused');
    expect(environmentError(awsError('InvalidClientTokenId', 'bad'), where)?.message).toBe('AWS rejected the credentials (InvalidClientTokenId)');
    expect(environmentError(awsError('InvalidParameterValue', 'bad'), where)).toBeUndefined();
  });

  test('read-only calls are told apart from mutating ones', () => {
    expect(['DescribeVpcs', 'ListRoleTags', 'GetRole'].every(isReadOnlyCall)).toBe(true);
    expect(['CreateVpc', 'PutRolePolicy', 'AuthorizeSecurityGroupIngress', 'ChangeResourceRecordSets'].some(isReadOnlyCall)).toBe(false);
  });
});
