export declare const CLIENT_ADDRESS_HEADER: 'x-mcc-client-address';
export declare function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string | null;
export declare function servedOverTls(
  socketEncrypted: boolean,
  forwardedProto: string | string[] | undefined,
  trustedHops: number,
): boolean;
